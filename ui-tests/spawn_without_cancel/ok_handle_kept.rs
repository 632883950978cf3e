// Tasks whose JoinHandle is kept: someone can abort or join them.
use tokio::runtime::Runtime;
use tokio::task::{JoinHandle, JoinSet};
use tokio_util::task::AbortOnDropHandle;

pub struct Service {
    poller: JoinHandle<()>,
    runtime: Runtime,
}

async fn poll_forever() {
    loop {
        poll().await;
    }
}

impl Service {
    pub fn new() -> Service {
        let poller = tokio::spawn(poll_forever());
        let runtime = Runtime::new().unwrap();
        runtime.spawn(poll_forever());
        Service { poller, runtime }
    }

    pub fn restart(&mut self) {
        self.poller.abort();
        self.poller = tokio::spawn(poll_forever());
    }
}

pub fn returned() -> JoinHandle<()> {
    tokio::spawn(async {
        loop {
            poll().await;
        }
    })
}

pub async fn awaited() {
    let h = tokio::spawn(poll_forever());
    h.await.unwrap();
    tokio::spawn(poll_forever()).await.unwrap();
}

pub fn stored(handles: &mut Vec<JoinHandle<()>>) -> AbortOnDropHandle<()> {
    handles.push(tokio::spawn(poll_forever()));
    let h = tokio::spawn(poll_forever());
    handles.push(h);
    AbortOnDropHandle::new(tokio::spawn(poll_forever()))
}

pub async fn join_set() {
    let mut set = JoinSet::new();
    set.spawn(poll_forever());
    set.spawn(async {
        loop {
            poll().await;
        }
    });
    set.join_next().await;
}

pub fn blocking_kept() -> JoinHandle<()> {
    let h = tokio::task::spawn_blocking(|| loop {
        poll_sync();
    });
    h
}

pub fn owned_runtime() -> Runtime {
    let rt = Runtime::new().unwrap();
    rt.spawn(poll_forever());
    rt
}

pub fn smol_task() -> smol::Task<()> {
    // A smol Task cancels on drop unless detached.
    smol::spawn(poll_forever())
}
