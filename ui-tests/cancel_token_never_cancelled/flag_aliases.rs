// The constructor written through renames, groups and full paths.
use tokio_util::sync::CancellationToken as Token;
use tokio_util::sync::{self as sync_util};
use tokio::task;

pub async fn renamed_type() {
    let token = Token::new(); //~ cancel_token_never_cancelled
    let child = token.clone();
    task::spawn(async move {
        child.cancelled().await;
    });
}

pub async fn module_alias() {
    let token = sync_util::CancellationToken::new(); //~ cancel_token_never_cancelled
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
}

pub async fn full_path() {
    let token = ::tokio_util::sync::CancellationToken::new(); //~ cancel_token_never_cancelled
    let t = token.clone();
    tokio::task::spawn_local(async move { t.cancelled().await });
}
