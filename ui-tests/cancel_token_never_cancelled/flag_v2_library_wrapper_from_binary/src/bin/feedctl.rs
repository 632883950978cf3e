// v2: a token's clone handed to the library's spawn wrapper, called by the
// library's name (`feedd::tasks::spawn_bg`), reaches a spawned task.
use tokio_util::sync::CancellationToken;

pub async fn run_once() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let t = token.clone();
    feedd::tasks::spawn_bg(async move {
        feedd::refresh(t).await;
    });
}

// Near miss: the token is cancelled when the run ends.
pub async fn run_and_stop() {
    let token = CancellationToken::new();
    let t = token.clone();
    feedd::tasks::spawn_bg(async move {
        feedd::refresh(t).await;
    });
    token.cancel();
}

#[tokio::main]
async fn main() {
    run_once().await;
    run_and_stop().await;
}
