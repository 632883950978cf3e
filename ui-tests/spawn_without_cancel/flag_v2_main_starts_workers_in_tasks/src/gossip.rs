use std::time::Duration;

pub async fn serve() {
    start_gossip();
    std::future::pending::<()>().await;
}

fn start_gossip() {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            println!("gossip round");
        }
    });
}
