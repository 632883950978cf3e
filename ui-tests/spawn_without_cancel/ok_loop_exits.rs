// Loops that end through the try operator or a returning error macro.
use std::time::Duration;

use anyhow::{bail, ensure};

pub fn start_heartbeat(client: ControlPlane, node_id: NodeId) {
    tokio::spawn(heartbeat(client, node_id));
}

async fn heartbeat(client: ControlPlane, node_id: NodeId) -> anyhow::Result<()> {
    loop {
        // A real `?`: the first failed heartbeat ends the task.
        client.heartbeat(node_id).await?;
        tracing::debug!(node = %node_id, "heartbeat sent");
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
}

pub fn start_lease_renewal(lease: Lease) {
    tokio::spawn(async move {
        loop {
            let renewed = lease.renew().await;
            if !renewed {
                bail!("lease {} lost", lease.id());
            }
            tokio::time::sleep(lease.ttl() / 3).await;
        }
    });
}

pub fn start_replication(follower: Follower) {
    tokio::spawn(async move {
        loop {
            let lag = follower.sync_once().await;
            ensure!(lag < MAX_LAG, "follower fell behind by {lag}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    });
}

pub fn start_log_shipper(shipper: Shipper) {
    tokio::spawn(async move {
        loop {
            let batch = shipper.next_batch().await;
            return_err!(shipper.ship(batch).await);
        }
    });
}
