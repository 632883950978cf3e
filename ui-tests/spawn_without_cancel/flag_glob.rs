// A single glob import of tokio's task module resolves `spawn`.
use tokio::task::*;

pub fn start() {
    spawn(async {
        loop {
            tick().await;
        }
    });
}
