// Two glob imports, of which only one provides the name: rustc rejects a
// name two globs provide, so `unbounded_channel` is tokio's.
use tokio::sync::mpsc::*;
use tokio::time::*;

pub struct Telemetry {
    tx: UnboundedSender<String>,
}

impl Telemetry {
    pub fn start() -> Self {
        let (tx, _rx) = unbounded_channel(); //~ unbounded_channel_without_receiver
        Self { tx }
    }

    pub async fn pause() {
        sleep(std::time::Duration::from_millis(10)).await;
    }
}

// Near miss: both globs provide `unbounded`, so the name is not resolved.
pub mod both {
    use crossbeam_channel::*;
    use flume::*;

    pub fn start() -> Sender<String> {
        let (tx, _rx) = unbounded();
        tx
    }
}
