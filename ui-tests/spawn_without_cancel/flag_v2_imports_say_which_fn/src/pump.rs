use std::time::Duration;

pub async fn drain_forever() {
    loop {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

pub async fn flush() {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
