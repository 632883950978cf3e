// The token reaches a spawned fn call, or a fn of this file that spawns.
use std::sync::Arc;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

struct Job;

async fn consume(mut jobs: mpsc::Receiver<Job>, token: CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => return,
            Some(job) = jobs.recv() => handle(job).await,
        }
    }
}

async fn handle(_job: Job) {}

pub async fn spawned_local_fn(jobs: mpsc::Receiver<Job>) {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    tokio::spawn(consume(jobs, token.clone()));
    tokio::signal::ctrl_c().await.ok();
}

pub async fn spawned_foreign_fn(state: Arc<crate::State>) {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    tokio::spawn(crate::metrics::report_loop(state, token.clone()));
}

fn start_workers(token: &CancellationToken, count: usize) {
    for _ in 0..count {
        let token = token.clone();
        tokio::spawn(async move {
            token.cancelled().await;
        });
    }
}

pub async fn through_a_helper() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    start_workers(&token, 8);
    tokio::signal::ctrl_c().await.ok();
}

pub struct Supervisor {
    workers: usize,
}

impl Supervisor {
    fn spawn_watchers(&self, token: &CancellationToken) {
        for _ in 0..self.workers {
            let t = token.clone();
            tokio::spawn(async move { t.cancelled().await });
        }
    }

    pub async fn start(&self) {
        let token = CancellationToken::new(); //~ cancel_token_never_cancelled
        self.spawn_watchers(&token);
        tokio::signal::ctrl_c().await.ok();
    }
}

pub async fn future_bound_then_spawned() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let t = token.clone();
    let task = async move {
        t.cancelled().await;
    };
    tokio::spawn(task);
}

/// A crate fn `watch_ctrl_c` fires its token, but the task runs the local
/// closure of that name, which only waits on it.
pub async fn watch_ctrl_c(token: CancellationToken) {
    tokio::signal::ctrl_c().await.ok();
    token.cancel();
}

pub fn start_with_local_watcher() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let watch_ctrl_c = |t: CancellationToken| async move { t.cancelled().await };
    tokio::spawn(watch_ctrl_c(token.clone()));
}

/// smol's task is detached by `.detach()`: the call is spawned.
pub fn smol_detached(jobs: mpsc::Receiver<Job>) {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    smol::spawn(consume(jobs, token.clone())).detach();
}

/// Kept, not detached: the caller holds the task (and may cancel it by
/// dropping it), so the token reaches no detached task here.
pub fn smol_kept(jobs: mpsc::Receiver<Job>) -> smol::Task<()> {
    let token = CancellationToken::new();
    smol::spawn(consume(jobs, token.clone()))
}
