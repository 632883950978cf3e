use cronkit::jobs::start as start_cleanup;
use cronkit::prelude::*;
use cronkit::*;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    cronkit::start_heartbeat("scheduler".into());
    start_metrics_pusher("gateway:9091".into());
    start_reporter("collector:4317".into());
    start_cleanup("/var/tmp/scheduler".into());
    cronkit::start_pumps(4);
    tokio::signal::ctrl_c().await?;
    Ok(())
}
