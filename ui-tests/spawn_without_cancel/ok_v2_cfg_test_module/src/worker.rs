#[cfg(all(test, feature = "slow"))]
mod fixtures;

pub fn start(token: tokio_util::sync::CancellationToken) {
    tokio::spawn(async move { token.cancelled().await });
}
