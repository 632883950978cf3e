// v2: a `for` in `main` over a list held in a field or written out starts
// one worker per item once, as a `for` over a range does: process-lifetime.
// Flagged: a `for` over a receiver's messages, or over a listener's
// connections, which starts a task per event.
use std::time::Duration;

struct Config {
    peers: Vec<String>,
    shards: Vec<u32>,
}

async fn probe(peer: String) {
    loop {
        tokio::time::sleep(Duration::from_secs(5)).await;
        tracing::debug!(%peer, "probed");
    }
}

#[tokio::main]
async fn main() {
    let cfg = Config { peers: vec![], shards: vec![] };
    for peer in cfg.peers.clone() {
        tokio::spawn(probe(peer));
    }
    for shard in &cfg.shards {
        let name = shard.to_string();
        tokio::spawn(probe(name));
    }
    for name in ["primary", "replica"] {
        tokio::spawn(probe(name.to_string()));
    }
    let (_tx, rx) = std::sync::mpsc::channel::<String>();
    for peer in rx {
        tokio::spawn(probe(peer)); //~ spawn_without_cancel
    }
    let listener = std::net::TcpListener::bind("0.0.0.0:0").unwrap();
    for conn in listener.incoming() {
        let peer = format!("{:?}", conn);
        tokio::spawn(probe(peer)); //~ spawn_without_cancel
    }
}
