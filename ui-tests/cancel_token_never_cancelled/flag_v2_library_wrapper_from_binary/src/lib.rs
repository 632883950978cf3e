pub mod tasks;

use tokio_util::sync::CancellationToken;

pub async fn refresh(token: CancellationToken) {
    loop {
        tokio::select! {
            _ = token.cancelled() => return,
            _ = tokio::time::sleep(std::time::Duration::from_secs(30)) => {}
        }
    }
}
