use std::time::Duration;

pub async fn poll_forever(config: &str) {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        println!("{config}");
    }
}
