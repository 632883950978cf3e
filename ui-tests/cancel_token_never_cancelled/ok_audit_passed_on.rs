// The token escapes: cancelled, stored, returned, guarded, or passed to a fn (even a stub).
use tokio_util::sync::CancellationToken;

pub struct Service {
    shutdown: CancellationToken,
}

pub async fn cancelled_later() {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    tokio::signal::ctrl_c().await.unwrap();
    token.cancel();
}

pub async fn clone_cancelled() {
    let token = CancellationToken::new();
    let t2 = token.clone();
    let t3 = token.clone();
    tokio::spawn(async move { token.cancelled().await });
    tokio::spawn(async move {
        tokio::signal::ctrl_c().await.unwrap();
        t2.cancel();
    });
    drop(t3);
}

pub async fn child_only(parent: &CancellationToken) {
    let token = parent.child_token();
    tokio::spawn(async move { token.cancelled().await });
}

pub fn returned() -> CancellationToken {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    token
}

pub fn stored() -> Service {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    Service { shutdown: token }
}

pub fn pushed(all: &mut Vec<CancellationToken>) {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    all.push(token);
}

pub fn guarded() -> tokio_util::sync::DropGuard {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    token.drop_guard()
}

pub fn passed(registry: &mut Registry) {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    registry.register(token);
}

pub fn passed_fn() {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    install_handler(token);
}

pub async fn never_spawned() {
    let token = CancellationToken::new();
    token.cancelled().await;
}

pub fn inserted(map: &mut std::collections::HashMap<u32, CancellationToken>) {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    map.insert(1, token);
}

pub struct Registry;
impl Registry { fn register(&mut self, _t: CancellationToken) {} }
fn install_handler(_t: CancellationToken) {}
