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

/// The same, with each call awaited as the whole of a spawned block.
pub async fn serve_never_in_blocks() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    let worker_token = token.clone();
    tokio::spawn(async move { worker::run(worker_token).await });
    tokio::spawn(async move {
        worker::run(token).await;
    });
}

/// Near miss: the block awaiting `watch` hands it a token it cancels.
pub async fn serve_in_blocks() {
    let token = CancellationToken::new();
    let watcher = token.clone();
    tokio::spawn(async move { worker::watch(watcher).await });
    tokio::spawn(async move { worker::run(token).await });
}

/// A block that does more than await the call hands the token to `run`
/// as one step of its work: followed all the same, `run` only waits.
pub async fn serve_with_more_steps() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        worker::run(token).await;
    });
}

/// Near miss: `watch_clone` cancels a clone of its parameter.
pub async fn serve_clone_fired() {
    let token = CancellationToken::new();
    tokio::spawn(worker::watch_clone(token.clone()));
    tokio::spawn(worker::run(token));
}

/// Near miss: `watch_via_helper` hands its parameter to a fn that cancels it.
pub async fn serve_fired_via_helper() {
    let token = CancellationToken::new();
    tokio::spawn(worker::watch_via_helper(token.clone()));
    tokio::spawn(worker::run(token));
}

/// `run_logged` only clones, formats, waits on and drops its token.
pub async fn serve_logged() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    tokio::spawn(worker::run_logged(token.clone()));
    tokio::spawn(worker::run(token));
}

/// `fan_out` hands its tasks children of the token: none can cancel it.
pub async fn serve_children() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    tokio::spawn(worker::fan_out(token.clone()));
    tokio::spawn(worker::run(token));
}

/// Near miss: `fan_out_and_watch` also hands the token itself to `watch`,
/// which cancels it.
pub async fn serve_children_watched() {
    let token = CancellationToken::new();
    tokio::spawn(worker::fan_out_and_watch(token.clone()));
    tokio::spawn(worker::run(token));
}

/// A token handed, inside the task, to a method of a type of another file
/// (`Executor::run`, known by the parameter's type) that only waits on it.
pub async fn serve_through_a_method(exec: std::sync::Arc<worker::Executor>) {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    tokio::spawn(step(exec, token.clone()));
}

async fn step(exec: std::sync::Arc<worker::Executor>, token: CancellationToken) {
    exec.run(&token).await;
}

/// Handed before the spawn to a fn of another file that only logs it.
pub async fn serve_logged_first() {
    let token = CancellationToken::new(); //~ cancel_token_never_cancelled
    worker::log_token(&token);
    tokio::spawn(worker::run(token));
}

/// Near miss: the executor it is handed to keeps it, and may cancel it.
pub async fn serve_kept_by_a_method(exec: std::sync::Arc<worker::Executor>) {
    let token = CancellationToken::new();
    exec.keep(token.clone());
    tokio::spawn(worker::run(token));
}

/// Near miss: a method called on a value of unknown type may be any
/// `run`: the token may be fired there.
pub async fn serve_through_an_unknown_receiver() {
    let token = CancellationToken::new();
    let exec = worker::executors().pop().unwrap();
    tokio::spawn(async move {
        tokio::task::yield_now().await;
        exec.run(&token).await;
    });
}

/// Near miss: handed to a fn of another crate: unknown.
pub async fn serve_handed_to_a_dependency() {
    let token = CancellationToken::new();
    other_crate::register(token.clone());
    tokio::spawn(worker::run(token));
}

/// Near misses: fns of another file that take the token by reference and
/// cancel it, keep a clone of it, or take it as a generic parameter.
pub async fn serve_fired_by_reference() {
    let token = CancellationToken::new();
    worker::cancel_on_error(&token);
    tokio::spawn(worker::run(token));
}

pub async fn serve_registered_by_reference() {
    let token = CancellationToken::new();
    worker::register(&token);
    tokio::spawn(worker::run(token));
}

pub async fn serve_handed_generically() {
    let token = CancellationToken::new();
    worker::keep_any(token.clone());
    tokio::spawn(worker::run(token));
}
