use crate::{make_probe, make_relay, make_reporter, make_ticker};

pub async fn start_relay(table: &str) -> anyhow::Result<()> {
    // Flagged: `make_relay` (through the root's re-export) declares
    // `-> anyhow::Result<Relay>`, and `Relay::run` never ends.
    let relay = make_relay(table).await?;
    tokio::spawn(async move { relay.run().await }); //~ spawn_without_cancel
    Ok(())
}

pub fn start_ticker() {
    // Flagged: the same through `pub(crate) use`.
    let ticker = make_ticker();
    tokio::spawn(async move { ticker.run().await }); //~ spawn_without_cancel
}

pub fn start_probe() {
    // Not flagged: `make_probe` returns a `Probe`, whose `run` ends.
    let probe = make_probe();
    tokio::spawn(async move { probe.run().await });
}

pub fn start_reporter() {
    // Not flagged: `make_reporter` is another crate's fn.
    let reporter = make_reporter();
    tokio::spawn(async move { reporter.run().await });
}
