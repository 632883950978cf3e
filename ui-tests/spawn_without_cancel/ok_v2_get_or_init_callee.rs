// A fn called only from a static's `get_or_init` closure runs once, as the
// closure does: the worker it starts lives as long as the process.
use std::sync::OnceLock;

static STATS_PUMP: OnceLock<MetricsPump> = OnceLock::new();

pub fn stats_pump() -> &'static MetricsPump {
    STATS_PUMP.get_or_init(|| start_metrics_pump())
}

fn start_metrics_pump() -> MetricsPump {
    let pump = MetricsPump::default();
    let flusher = pump.clone();
    tokio::spawn(async move {
        loop {
            flusher.flush().await;
        }
    });
    pump
}

#[derive(Clone, Default)]
pub struct MetricsPump;

impl MetricsPump {
    async fn flush(&self) {}
}
