// v2: an interval made by a detached task (or moved into it) and handed to
// a fn or method of another file whose endless loop polls it: the task
// pins the timer. Near misses: a loop that observes cancellation, a fn
// that only reads the timer's period, a kept handle.
mod jobs;
mod sync;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio_util::sync::CancellationToken;

pub type Queue = Arc<Mutex<Vec<String>>>;

pub fn start_scheduler(queue: Queue, period: Duration) {
    let tick = tokio::time::interval(period); //~ timer_never_dropped
    tokio::spawn(async move { jobs::drive(tick, queue).await }); //~ spawn_without_cancel
}

pub fn start_direct(queue: Queue, period: Duration) {
    let tick = tokio::time::interval(period); //~ timer_never_dropped
    tokio::spawn(jobs::drive(tick, queue)); //~ spawn_without_cancel
}

pub fn start_syncer(remote: String, every: Duration) {
    let mut syncer = sync::Syncer::new(remote);
    tokio::spawn(async move { //~ spawn_without_cancel
        let mut tick = tokio::time::interval(every); //~ timer_never_dropped
        syncer.drive(&mut tick).await;
    });
}

pub fn start_until_cancelled(queue: Queue, period: Duration, token: CancellationToken) {
    let tick = tokio::time::interval(period);
    tokio::spawn(jobs::drive_until(tick, queue, token));
}

pub fn start_reporter(period: Duration) {
    let tick = tokio::time::interval(period);
    tokio::spawn(async move { jobs::report(&tick).await }); //~ spawn_without_cancel
}

pub async fn run_once(queue: Queue, period: Duration) {
    let tick = tokio::time::interval(period);
    let handle = tokio::spawn(jobs::drive(tick, queue));
    handle.abort();
}
