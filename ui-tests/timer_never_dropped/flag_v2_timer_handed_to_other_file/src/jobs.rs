use std::time::Duration;

use tokio::time::Interval;
use tokio_util::sync::CancellationToken;

use crate::Queue;

pub async fn drive(mut tick: Interval, queue: Queue) {
    loop {
        tick.tick().await;
        queue.lock().await.clear();
    }
}

pub async fn drive_until(mut tick: Interval, queue: Queue, token: CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => return,
            _ = tick.tick() => queue.lock().await.clear(),
        }
    }
}

pub async fn report(tick: &Interval) {
    loop {
        let every: Duration = tick.period();
        tokio::time::sleep(every).await;
    }
}
