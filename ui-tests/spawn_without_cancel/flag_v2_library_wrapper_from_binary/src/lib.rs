pub mod rt;

pub async fn forward() {
    loop {
        tokio::task::yield_now().await;
    }
}

pub async fn flush_once() {}
