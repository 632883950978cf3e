use std::time::Duration;

pub async fn report_forever() {
    let mut every = tokio::time::interval(Duration::from_secs(60)); //~ timer_never_dropped
    loop {
        every.tick().await;
    }
}

pub async fn compact_forever() {
    let mut every = tokio::time::interval(Duration::from_secs(600)); //~ timer_never_dropped
    loop {
        every.tick().await;
    }
}

pub async fn gossip_forever() {
    let mut every = tokio::time::interval(Duration::from_secs(5)); //~ timer_never_dropped
    loop {
        every.tick().await;
    }
}

pub async fn sample_forever() {
    let mut every = tokio::time::interval(Duration::from_secs(1));
    loop {
        every.tick().await;
    }
}
