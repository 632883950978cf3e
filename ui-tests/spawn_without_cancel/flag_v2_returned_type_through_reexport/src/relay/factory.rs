use super::{Probe, Relay};

pub async fn make_relay(table: &str) -> anyhow::Result<Relay> {
    let _ = table;
    Ok(Relay)
}

pub fn make_ticker() -> Relay {
    Relay
}

pub fn make_probe() -> Probe {
    Probe
}
