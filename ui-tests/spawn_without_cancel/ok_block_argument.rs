// Block arguments whose task can be stopped, or whose handle is kept.
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::RwLock;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub struct PeerTable {
    peers: Arc<RwLock<Vec<Peer>>>,
    client: reqwest::Client,
    shutdown: CancellationToken,
}

impl PeerTable {
    pub fn start_health_checks(&self) {
        tokio::spawn({
            let peers = self.peers.clone();
            let client = self.client.clone();
            let token = self.shutdown.child_token();
            async move {
                loop {
                    tokio::select! {
                        _ = token.cancelled() => break,
                        _ = tokio::time::sleep(Duration::from_secs(15)) => {
                            for peer in peers.read().await.iter() {
                                peer.probe(&client).await;
                            }
                        }
                    }
                }
            }
        });
    }

    pub fn start_gossip(&self) -> JoinHandle<()> {
        tokio::spawn({
            let peers = Arc::clone(&self.peers);
            async move {
                loop {
                    broadcast_membership(&peers).await;
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        })
    }

    pub fn refresh_once(&self) {
        tokio::spawn({
            let peers = self.peers.clone();
            async move {
                while let Some(peer) = next_stale(&peers).await {
                    peer.refresh().await;
                }
            }
        });
    }
}
