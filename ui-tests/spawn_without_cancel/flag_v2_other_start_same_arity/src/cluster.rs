use std::sync::Arc;

pub struct Cluster;

impl Cluster {
    /// Joins the cluster and keeps a heartbeat for the life of the process.
    pub async fn start(self: &Arc<Self>) {
        tokio::spawn(async move { //~ spawn_without_cancel
            let mut interval = tokio::time::interval(std::time::Duration::from_secs(5)); //~ timer_never_dropped
            loop {
                interval.tick().await;
                heartbeat().await;
            }
        });
    }
}

async fn heartbeat() {}
