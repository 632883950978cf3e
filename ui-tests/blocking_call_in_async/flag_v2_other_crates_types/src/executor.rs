use std::future::Future;

use crate::oneshot::Receiver;

pub struct Executor {
    done: std::sync::Arc<Receiver>,
}

impl Executor {
    pub fn spawn(&self, task: impl Future<Output = ()> + Send + 'static) {
        let exit = self.exit();
        tokio::spawn(async move {
            task.await;
            exit.await;
        });
    }

    fn exit(&self) -> impl Future<Output = ()> {
        let done = self.done.clone();
        async move {
            // Waits here, in async code; reported here, not at `spawn`'s callers.
            done.recv(); //~ blocking_call_in_async
        }
    }
}
