use std::time::Duration;

pub async fn report_forever(url: String) {
    let mut every = tokio::time::interval(Duration::from_secs(60)); //~ timer_never_dropped
    loop {
        every.tick().await;
        push(&url).await;
    }
}

async fn push(_url: &str) {}
