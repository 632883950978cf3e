//! A token handed to a spawned fn of another file that fires it can be
//! cancelled; one handed only to fns that wait on it cannot.
mod worker;

use tokio_util::sync::CancellationToken;

/// Near miss: `watch` cancels its token on Ctrl-C.
pub async fn serve() {
    let token = CancellationToken::new();
    tokio::spawn(worker::watch(token.clone()));
    tokio::spawn(worker::run(token.clone()));
}

/// Near miss: `guard_until_done` holds a drop guard of a clone.
pub async fn serve_guarded() {
    let token = CancellationToken::new();
    tokio::spawn(worker::guard_until_done(token.clone()));
    tokio::spawn(worker::run(token));
}

/// Every task only waits on the token.
pub async fn serve_never() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    tokio::spawn(worker::run(token.clone()));
    tokio::spawn(worker::run(token));
}

/// `relay` cancels its first parameter, not the token handed as its second.
pub async fn serve_other_fired() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let other = CancellationToken::new();
    tokio::spawn(worker::relay(other.clone(), token.clone()));
    other.cancel();
}
