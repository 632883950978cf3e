// A producer that publishes or skips: `try_send` of a value made in this turn
// drops it on a full channel, and the next turn makes a new one; it is not a
// poll that comes back for the same thing. Each loop waits elsewhere (a sleep
// only when the round-trip was fast, a blocking read with a timeout that
// leaklint does not know). Retrying a value made before the loop is a poll
// (`flag_audit_idle_spins`, `flag_locks_and_sends`).
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
