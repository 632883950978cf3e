// The crate's `sleep` is tokio's: the helper only makes a future, and the
// async fn awaits it. Nothing blocks.
pub mod helpers;
pub mod sys;

pub async fn handle() {
    helpers::pause().await;
}
