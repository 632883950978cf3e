use std::sync::Arc;
use std::time::Duration;

pub struct Client {
    base: String,
}

impl Client {
    pub fn new(base: String) -> Self {
        Self { base }
    }

    /// Warms three connections, then returns.
    async fn keep_warm(&self) {
        for _ in 0..3 {
            tracing::trace!(base = %self.base, "warm");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    // Near misses: this type's `keep_warm` ends.
    pub fn connect(self: Arc<Self>) {
        tokio::spawn(async move {
            self.keep_warm().await;
        });
    }

    pub fn connect_new(base: String) {
        let this = Self::new(base);
        tokio::spawn(async move {
            this.keep_warm().await;
        });
    }
}
