// The spawn's argument is a block that clones what the task needs and ends
// in the async block: that tail is the task body.
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::RwLock;

pub struct PeerTable {
    peers: Arc<RwLock<Vec<Peer>>>,
    client: reqwest::Client,
}

impl PeerTable {
    pub fn start_health_checks(&self) {
        tokio::spawn({ //~ spawn_without_cancel
            let peers = self.peers.clone();
            let client = self.client.clone();
            async move {
                loop {
                    for peer in peers.read().await.iter() {
                        peer.probe(&client).await;
                    }
                    tokio::time::sleep(Duration::from_secs(15)).await;
                }
            }
        });
    }

    pub fn start_gossip(&self) {
        let _ = tokio::spawn({ //~ spawn_without_cancel
            let peers = Arc::clone(&self.peers);
            let gossip = async move {
                loop {
                    broadcast_membership(&peers).await;
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            };
            gossip
        });
    }
}
