// Tokens that someone fires, directly or through a clone, a guard or a child.
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub async fn cancelled_on_ctrl_c(listener: TcpListener) {
    let token = CancellationToken::new();
    let server = token.clone();
    let handle = tokio::spawn(async move {
        tokio::select! {
            _ = server.cancelled() => {}
            _ = listener.accept() => {}
        }
    });
    tokio::signal::ctrl_c().await.ok();
    token.cancel();
    handle.await.ok();
}

pub async fn clone_is_cancelled() {
    let token = CancellationToken::new();
    let worker = token.clone();
    let canceller = token.clone();
    tokio::spawn(async move { worker.cancelled().await });
    tokio::spawn(async move {
        tokio::signal::ctrl_c().await.ok();
        canceller.cancel();
    });
}

pub async fn cancelled_inside_the_task() {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move {
        if do_work().await.is_err() {
            t.cancel();
        }
    });
    token.cancelled().await;
}

async fn do_work() -> Result<(), ()> {
    Ok(())
}

pub async fn drop_guard() {
    let token = CancellationToken::new();
    let _guard = token.clone().drop_guard();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    serve().await;
}

pub async fn drop_guard_ref() {
    let token = CancellationToken::new();
    let _guard = token.drop_guard_ref();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    serve().await;
}

async fn serve() {}

fn stop_all(token: CancellationToken) {
    token.cancel();
}

pub async fn cancelled_by_a_local_fn() {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move { t.cancelled().await });
    tokio::signal::ctrl_c().await.ok();
    stop_all(token);
}

pub async fn child_cancelled() {
    let root = CancellationToken::new();
    let child = root.child_token();
    let worker = child.clone();
    tokio::spawn(async move { worker.cancelled().await });
    child.cancel();
}
