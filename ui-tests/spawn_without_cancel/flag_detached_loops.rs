// Background loops of a small service that nothing can stop.
use std::sync::Arc;
use std::time::Duration;

use tokio::time::sleep;

pub struct Metrics;
pub struct Cache;

pub fn start_metrics_reporter(metrics: Arc<Metrics>) {
    // Expression statement: the JoinHandle is dropped at once.
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            metrics.flush().await;
            sleep(Duration::from_secs(10)).await;
        }
    });
}

pub fn start_cache_sweeper(cache: Arc<Cache>) {
    let _ = tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            cache.evict_expired();
            sleep(Duration::from_secs(60)).await;
        }
    });
}

pub async fn start_heartbeat(peer: Peer) {
    // A leading underscore keeps the handle alive until the end of the
    // scope, but dropping a JoinHandle never cancels the task.
    let _heartbeat = tokio::spawn(async move { //~ spawn_without_cancel
        while true {
            peer.ping().await;
            sleep(Duration::from_secs(5)).await;
        }
    });
    serve().await;
}

pub async fn start_gossip(peers: Vec<Peer>) {
    let handle = tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            for peer in &peers {
                peer.gossip().await;
            }
        }
    });
    // Dropping the handle detaches the task.
    drop(handle);
}

pub async fn start_reaper(registry: Registry) {
    tokio::spawn(async move { //~ spawn_without_cancel
        // The `break` leaves only the inner loop: the outer one never ends.
        loop {
            loop {
                if registry.reap().await {
                    break;
                }
            }
            sleep(Duration::from_secs(1)).await;
        }
    });
}

pub fn start_watchdog() {
    tokio::spawn(async { //~ spawn_without_cancel
        loop {
            if !healthy().await {
                // Leaving through process::exit or a panic is not a way out.
                std::process::exit(1);
            }
            if corrupted().await {
                panic!("state corrupted");
            }
        }
    });
}
