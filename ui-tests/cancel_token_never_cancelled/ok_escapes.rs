// Tokens that leave the function: someone else may cancel them.
use std::collections::HashMap;

use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub fn returned() -> CancellationToken {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    token
}

pub fn returned_early(fail: bool) -> Option<CancellationToken> {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    if fail {
        return None;
    }
    Some(token)
}

pub struct Service {
    token: CancellationToken,
    task: JoinHandle<()>,
}

impl Service {
    pub fn start() -> Service {
        let token = CancellationToken::new();
        let t = token.clone();
        let task = tokio::spawn(async move { t.cancelled().await });
        Service { token, task }
    }

    pub fn start_named_field() -> Service {
        let token = CancellationToken::new();
        let t = token.clone();
        let task = tokio::spawn(async move { t.cancelled().await });
        Service { token: token.clone(), task }
    }
}

pub fn stored_in_a_map(tokens: &mut HashMap<u64, CancellationToken>, id: u64) {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    tokens.insert(id, token);
}

pub fn pushed(tokens: &mut Vec<CancellationToken>) {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    tokens.push(token);
}

pub fn passed_to_a_foreign_fn(registry: &crate::Registry) {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    registry.register_shutdown(token);
}

pub fn handed_to_a_foreign_free_fn() {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    crate::signals::cancel_on_sigterm(token);
}

pub fn stored_in_a_field(svc: &mut crate::Holder) {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    svc.token = token;
}

pub fn unknown_macro() {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    register_token!(token => "main");
}

pub async fn passed_inside_the_task() {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { crate::server::run(t).await });
}
