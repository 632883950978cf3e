// Loops that look as if they could end, but never do.
use std::time::Duration;

use tracing::{error, info, warn};

pub fn start_heartbeat(client: ControlPlane, node_id: NodeId) {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            // `?e` and `%node_id` pick tracing's formatter: they are not the try operator.
            if let Err(e) = client.heartbeat(node_id).await {
                tracing::error!(error = ?e, node = %node_id, "heartbeat failed");
            }
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });
}

pub fn start_metrics_push(gateway: PushGateway, addr: std::net::SocketAddr) {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            match gateway.push().await {
                Ok(n) => info!(%addr, samples = n, "pushed metrics"),
                Err(err) => warn!(?err, "metrics push failed"),
            }
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
    });
}

pub fn start_watchdog(device: Device) {
    // Exiting the process or panicking does not end the loop: nothing stops it before that.
    std::thread::spawn(move || loop { //~ spawn_without_cancel
        match device.ping() {
            Ok(()) => std::thread::sleep(Duration::from_secs(1)),
            Err(e) if e.is_fatal() => {
                error!(error = %e, "device lost");
                std::process::exit(1);
            }
            Err(e) => panic!("device error: {e}"),
        }
    });
}
