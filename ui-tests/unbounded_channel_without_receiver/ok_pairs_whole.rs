// Channel pairs stored whole or returned directly are not followed.
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

pub fn channel_pair<T>() -> (UnboundedSender<T>, UnboundedReceiver<T>) {
    unbounded_channel()
}

pub fn returned_with_keyword() -> (flume::Sender<Job>, flume::Receiver<Job>) {
    return flume::unbounded();
}

pub struct Mailbox {
    pair: (UnboundedSender<Mail>, UnboundedReceiver<Mail>),
}

impl Mailbox {
    pub fn new() -> Self {
        let pair = unbounded_channel();
        Mailbox { pair }
    }

    pub fn inline() -> Self {
        Mailbox { pair: unbounded_channel() }
    }
}

pub fn wrapped() -> Result<(crossbeam_channel::Sender<u8>, crossbeam_channel::Receiver<u8>), Error> {
    Ok(crossbeam_channel::unbounded())
}

pub fn per_shard(n: usize) -> Vec<(async_channel::Sender<Task>, async_channel::Receiver<Task>)> {
    (0..n).map(|_| async_channel::unbounded()).collect()
}
