// A single glob import of tokio's task module resolves `spawn`.
use tokio::task::*;

pub fn start() {
    spawn(async { //~ spawn_without_cancel
        loop {
            tick().await;
        }
    });
}
