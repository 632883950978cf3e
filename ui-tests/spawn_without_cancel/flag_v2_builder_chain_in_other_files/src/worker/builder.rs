use tokio_util::sync::CancellationToken;

use super::{OutboxWorker, Probe};

#[derive(Default)]
pub struct WorkerBuilder {
    table: Option<String>,
}

impl WorkerBuilder {
    pub fn table(mut self, t: &str) -> Self {
        self.table = Some(t.to_string());
        self
    }

    pub fn build(self) -> OutboxWorker {
        OutboxWorker {
            table: self.table.unwrap_or_else(|| "outbox".into()),
            sent: 0,
        }
    }
}

pub struct ProbeBuilder;

impl ProbeBuilder {
    pub fn build(self, token: CancellationToken) -> Probe {
        Probe { token }
    }
}
