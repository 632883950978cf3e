use tokio::task::JoinHandle;

/// A field of the same name in another struct, which its `Drop` aborts:
/// that says nothing about `Client`'s. (Near miss: this one is stopped.)
pub struct Pool {
    heartbeat: JoinHandle<()>,
}

impl Pool {
    pub fn start() -> Pool {
        Pool {
            heartbeat: tokio::spawn(async move {
                loop {
                    refill().await;
                }
            }),
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.heartbeat.abort();
    }
}

async fn refill() {}

/// A parameter typed `Pool`: its `heartbeat` is `Pool`'s, not `Client`'s.
pub fn stop(pool: &Pool) {
    pool.heartbeat.abort();
}
