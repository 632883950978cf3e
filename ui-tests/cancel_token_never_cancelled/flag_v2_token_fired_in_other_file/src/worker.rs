use tokio_util::sync::CancellationToken;

pub async fn watch(token: CancellationToken) {
    tokio::signal::ctrl_c().await.ok();
    token.cancel();
}

pub async fn run(token: CancellationToken) {
    token.cancelled().await;
}

pub async fn guard_until_done(token: CancellationToken) {
    let _guard = token.clone().drop_guard();
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
}

pub async fn relay(first: CancellationToken, second: CancellationToken) {
    second.cancelled().await;
    first.cancel();
}
