// Tokens that never reach a spawned task, child tokens, and JoinSet tasks.
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

pub async fn only_awaited_here() {
    let token = CancellationToken::new();
    let t = token.clone();
    let fut = async move { t.cancelled().await };
    tokio::select! {
        _ = fut => {}
        _ = tokio::signal::ctrl_c() => {}
    }
}

pub async fn used_locally() {
    let token = CancellationToken::new();
    token.run_until_cancelled(async { tick().await }).await;
}

async fn tick() {}

pub fn child_of_a_parameter(parent: &CancellationToken) {
    let child = parent.child_token();
    tokio::spawn(async move { child.cancelled().await });
}

pub async fn joinset_tasks() {
    let token = CancellationToken::new();
    let mut set = JoinSet::new();
    let t = token.clone();
    set.spawn(async move { t.cancelled().await });
    set.join_next().await;
}

pub fn not_bound() -> Vec<CancellationToken> {
    vec![CancellationToken::new()]
}

mod local {
    pub struct CancellationToken;
    impl CancellationToken {
        pub fn new() -> Self {
            CancellationToken
        }
        pub async fn cancelled(&self) {}
    }
}

pub fn a_local_type() {
    let token = local::CancellationToken::new();
    tokio::spawn(async move { token.cancelled().await });
}
