// A type of another crate is not the crate's type of the same name, and a
// sync fn that returns a future does not run the future's calls itself.
mod executor;
mod oneshot;

use tokio::sync::mpsc;

pub struct Service {
    // tokio's and async-channel's receivers, not `oneshot::Receiver`.
    commands: mpsc::Receiver<u32>,
    exit: async_channel::Receiver<()>,
    // The crate's own: its `recv` blocks.
    done: oneshot::Receiver,
}

impl Service {
    pub async fn run(&mut self) {
        // Not flagged: tokio's and async-channel's `recv`, raced.
        tokio::select! {
            Some(_) = self.commands.recv() => {}
            _ = self.exit.recv() => {}
        }
        // Flagged: the crate's `Receiver::recv` waits on a `Condvar`.
        self.done.recv(); //~ blocking_call_in_async
    }
}

pub async fn serve(executor: executor::Executor) {
    // Not flagged: `spawn` calls `exit`, whose wait is in the future it
    // returns.
    executor.spawn(async {});
}
