use std::time::Duration;

pub async fn report_forever(url: String) {
    let mut every = tokio::time::interval(Duration::from_secs(60)); //~ timer_never_dropped
    loop {
        every.tick().await;
        push(&url).await;
    }
}

pub async fn poll_forever() {
    let mut every = tokio::time::interval(Duration::from_secs(1));
    loop {
        every.tick().await;
    }
}

pub async fn sample_forever() {
    let mut every = tokio::time::interval(Duration::from_secs(5));
    loop {
        every.tick().await;
    }
}

async fn push(_url: &str) {}
