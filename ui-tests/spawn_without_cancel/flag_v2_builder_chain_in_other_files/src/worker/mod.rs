mod builder;
mod run;

pub use builder::{ProbeBuilder, WorkerBuilder};

pub struct OutboxWorker {
    pub(crate) table: String,
    pub(crate) sent: u64,
}

impl OutboxWorker {
    pub fn builder() -> WorkerBuilder {
        WorkerBuilder::default()
    }
}

pub fn builder() -> WorkerBuilder {
    WorkerBuilder::default()
}

pub struct Probe {
    pub(crate) token: tokio_util::sync::CancellationToken,
}

impl Probe {
    pub fn builder() -> ProbeBuilder {
        ProbeBuilder
    }
}
