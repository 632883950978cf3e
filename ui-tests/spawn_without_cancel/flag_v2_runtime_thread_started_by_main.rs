// v2: a thread that `main` starts once to block on a runtime of its own
// (`thread::spawn(move || rt.block_on(init()))`) runs that future once, as
// `main` would: the fns it reaches only through calls and awaits start
// process-lifetime workers, left alone. Near misses: the same thread started
// on every turn of a loop, from a fn that a handler calls, or a task spawned
// by `main` whose handle it keeps to stop it (the fn's worker would outlive
// that task), and a thread that does not block on a runtime.
use std::time::Duration;

async fn refresh() {}

mod jobs {
    pub async fn init() {
        tokio::spawn(super::flusher());
    }

    pub async fn init_named() {
        tokio::spawn(super::flusher());
    }

    pub async fn per_tenant() {
        tokio::spawn(super::flusher()); //~ spawn_without_cancel
    }

    pub async fn from_handler() {
        tokio::spawn(super::flusher()); //~ spawn_without_cancel
    }

    pub async fn from_task() {
        tokio::spawn(super::flusher()); //~ spawn_without_cancel
    }

    pub fn sync_start() {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let _entered = rt.enter();
        tokio::spawn(super::flusher()); //~ spawn_without_cancel
        std::thread::park();
    }
}

async fn flusher() {
    loop {
        refresh().await;
        tokio::time::sleep(Duration::from_secs(10)).await;
    }
}

fn start_tenant_thread() {
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(jobs::from_handler());
    });
}

async fn handle_request() {
    start_tenant_thread();
}

fn main() {
    let jobs = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            jobs::init().await;
            std::future::pending::<()>().await;
        });
    });
    std::thread::Builder::new()
        .name("jobs".into())
        .spawn(move || {
            let rt = tokio::runtime::Runtime::new().unwrap();
            rt.block_on(jobs::init_named());
        })
        .unwrap();
    for _ in 0..4 {
        std::thread::spawn(move || {
            let rt = tokio::runtime::Runtime::new().unwrap();
            rt.block_on(jobs::per_tenant());
        });
    }
    std::thread::spawn(jobs::sync_start);
    std::thread::spawn(move || jobs::sync_start());
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let from_task = tokio::spawn(async { jobs::from_task().await });
        loop {
            handle_request().await;
        }
        from_task.abort();
    });
    jobs.join().unwrap();
}
