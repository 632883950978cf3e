use svc_kit::rt::spawn_named;

pub fn on_subscribe() {
    spawn_named("forward", async move { //~ spawn_without_cancel
        svc_kit::forward().await;
    });
    svc_kit::rt::spawn_named("forward", svc_kit::forward()); //~ spawn_without_cancel
}

// Near misses: a task that ends, and a wrapper that keeps the handle.
pub fn on_flush() -> tokio::task::JoinHandle<()> {
    spawn_named("flush", async move {
        svc_kit::flush_once().await;
    });
    svc_kit::rt::spawn_kept(async move {
        svc_kit::forward().await;
    })
}

pub async fn serve() {}
