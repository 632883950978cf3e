// The same spawn call written through imports, renames and groups.
use tokio::task;
use tokio::spawn as go;
use tokio::{self as rt, time::{self, Duration}};

pub fn via_module() {
    task::spawn(async { //~ spawn_without_cancel
        loop {
            poll_queue().await;
        }
    });
}

pub fn via_rename() {
    go(async { //~ spawn_without_cancel
        loop {
            poll_queue().await;
        }
    });
}

pub fn via_crate_alias() {
    rt::spawn(async { //~ spawn_without_cancel
        loop {
            time::sleep(Duration::from_millis(100)).await;
            poll_queue().await;
        }
    });
}

pub fn via_leading_colons() {
    ::tokio::task::spawn_local(async { //~ spawn_without_cancel
        loop {
            poll_queue().await;
        }
    });
}

pub fn via_local_binding() {
    let pump = async move {
        loop {
            pump_events().await;
        }
    };
    tokio::spawn(pump); //~ spawn_without_cancel
}

pub fn via_instrument(span: tracing::Span) {
    tokio::spawn( //~ spawn_without_cancel
        async move {
            loop {
                poll_queue().await;
            }
        }
        .instrument(span),
    );
}

// actix-web re-exports actix-rt as `actix_web::rt`.
pub fn via_actix_web_reexport() {
    actix_web::rt::spawn(async { //~ spawn_without_cancel
        loop {
            actix_web::rt::time::sleep(std::time::Duration::from_secs(1)).await;
            poll_queue().await;
        }
    });
}

pub fn via_actix_web_rt_module() {
    use actix_web::rt;
    rt::spawn(async { //~ spawn_without_cancel
        loop {
            poll_queue().await;
        }
    });
}
