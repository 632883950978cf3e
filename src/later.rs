//! A value that another thread may still be computing.
//!
//! The crate pre-pass (which sync fns of a crate may block) and the engine
//! run side by side on a small run: the engine reads, parses and lints a
//! file while the pre-pass walks its crate, and waits for the pre-pass only
//! when a file needs its answer ([`crate::engine`]). The first thread that
//! asks receives the value; the others wait for it and then share it.

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Mutex, OnceLock};

/// A value known now ([`Later::ready`]) or sent later ([`Later::channel`]).
#[derive(Debug)]
pub struct Later<T> {
    value: OnceLock<T>,
    pending: Mutex<Option<Receiver<T>>>,
}

impl<T> Later<T> {
    /// A value known now.
    pub fn ready(value: T) -> Later<T> {
        Later {
            value: OnceLock::from(value),
            pending: Mutex::new(None),
        }
    }

    /// A value to be sent on the returned sender.
    pub fn channel() -> (Later<T>, Sender<T>) {
        let (sender, receiver) = mpsc::channel();
        let later = Later {
            value: OnceLock::new(),
            pending: Mutex::new(Some(receiver)),
        };
        (later, sender)
    }

    /// The value if it is there already (sent, not yet received, counts),
    /// without waiting.
    pub fn try_get(&self) -> Option<&T> {
        if let Some(value) = self.value.get() {
            return Some(value);
        }
        let mut pending = self.pending.try_lock().ok()?;
        let value = pending.as_ref()?.try_recv().ok()?;
        *pending = None;
        Some(self.value.get_or_init(|| value))
    }

    /// The value, waiting for it if it is not there yet; `None` when the
    /// sender was dropped without sending (its thread panicked).
    pub fn get(&self) -> Option<&T> {
        if let Some(value) = self.value.get() {
            return Some(value);
        }
        // One thread receives; the others wait on the lock, then find it set.
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(value) = self.value.get() {
            return Some(value);
        }
        let value = pending.take()?.recv().ok()?;
        Some(self.value.get_or_init(|| value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_not_sent_yet_is_not_there_without_waiting() {
        let (later, sender) = Later::channel();
        assert_eq!(later.try_get(), None);
        sender.send(5).unwrap();
        assert_eq!(later.try_get(), Some(&5));
        assert_eq!(later.get(), Some(&5));
    }

    #[test]
    fn a_ready_value_is_there() {
        assert_eq!(Later::ready(3).try_get(), Some(&3));
        assert_eq!(Later::ready(3).get(), Some(&3));
    }

    #[test]
    fn every_thread_sees_the_value_sent_later() {
        let (later, sender) = Later::channel();
        std::thread::scope(|s| {
            let waiters: Vec<_> = (0..4).map(|_| s.spawn(|| later.get().copied())).collect();
            sender.send(7).unwrap();
            for w in waiters {
                assert_eq!(w.join().unwrap(), Some(7));
            }
        });
        assert_eq!(later.get(), Some(&7));
    }

    #[test]
    fn a_sender_dropped_without_sending_gives_none() {
        let (later, sender) = Later::<u8>::channel();
        drop(sender);
        assert_eq!(later.get(), None);
        assert_eq!(later.get(), None);
    }
}
