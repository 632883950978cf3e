mod rt;
mod workers;

use tokio_util::sync::CancellationToken;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let shutdown = CancellationToken::new(); //~ cancel_token_never_cancelled
    rt::spawn_named("sessions", workers::expire_sessions(shutdown.clone()));
    rt::spawn_named("metrics", {
        let t = shutdown.clone();
        async move { workers::push_metrics(t).await }
    });
    tokio::signal::ctrl_c().await?;
    Ok(())
}

pub async fn serve() -> std::io::Result<()> {
    let shutdown = CancellationToken::new();
    rt::spawn_named("sessions", workers::expire_sessions(shutdown.clone()));
    rt::spawn_named("metrics", {
        let t = shutdown.clone();
        async move { workers::push_metrics(t).await }
    });
    tokio::signal::ctrl_c().await?;
    shutdown.cancel();
    Ok(())
}
