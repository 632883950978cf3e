// A producer that publishes or skips: `try_send` on a full channel drops the
// value, it is not a poll that found nothing. Each loop waits elsewhere (a
// sleep only when the round-trip was fast, a blocking read with a timeout
// that leaklint does not know).
use crossbeam_channel::{Sender, TrySendError};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub fn poll_loop<T, F>(interval: Duration, tx: Sender<T>, mut poll: F)
where
    F: FnMut() -> Result<T, String>,
{
    loop {
        let started = Instant::now();
        match poll() {
            Ok(v) => match tx.try_send(v) {
                Ok(()) => {}
                // Publish-or-skip: the next poll produces a fresher value.
                Err(TrySendError::Full(_)) => {}
                Err(TrySendError::Disconnected(_)) => return,
            },
            Err(err) => eprintln!("poll error: {err}"),
        }
        let elapsed = started.elapsed();
        if elapsed < interval {
            std::thread::sleep(interval - elapsed);
        }
    }
}

pub struct Channel;

impl Channel {
    pub fn read_message_blocking_timeout(&mut self, _t: Option<Duration>) -> Result<u32, ()> {
        Ok(0)
    }
}

pub fn events_loop(channel: &mut Channel, tx: Sender<u32>, shutdown: &AtomicBool) {
    while !shutdown.load(Ordering::Relaxed) {
        let event = match channel.read_message_blocking_timeout(Some(Duration::from_millis(200))) {
            Ok(event) => event,
            Err(()) => continue,
        };
        // A full channel drops the newest sample.
        let _ = tx.try_send(event);
    }
}

pub fn broadcast_samples(tx: async_broadcast::Sender<u32>, samples: &mut dyn Iterator<Item = u32>) {
    loop {
        let Some(sample) = samples.next() else { return };
        if tx.try_broadcast(sample).is_err() {
            continue;
        }
    }
}

// Sends without waiting are not polls either, even with nothing else in the
// loop: leaklint reports loops that wait for work, not producers.
pub async fn send_spin(tx: tokio::sync::mpsc::Sender<u32>) {
    loop {
        let _ = tx.try_send(1);
    }
}

pub async fn spin_on_send(tx: tokio::sync::mpsc::Sender<u64>) {
    let mut n = 0;
    loop {
        if tx.try_send(n).is_ok() {
            n += 1;
        }
    }
}
