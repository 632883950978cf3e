// An independent reader's scenarios from RULES.md: detached tasks and
// threads that loop forever with no cancellation. Every spawn here is flagged.
use std::sync::Arc;
use std::thread;
use std::time::Duration;
use tokio::runtime::Handle;
use tokio::spawn as go;
use tokio::task;
use tokio::time::{sleep, Instant};

pub struct Metrics;
pub struct Client;

/// `tokio::task::spawn` through `use tokio::task;`, statement discarded.
pub fn start_reporter(metrics: Arc<Metrics>) {
    task::spawn(async move { //~ spawn_without_cancel
        loop {
            sleep(Duration::from_secs(10)).await;
            report(&metrics).await;
        }
    });
}

/// `let _ =` drops the handle at once.
pub fn start_heartbeat() {
    let _ = tokio::spawn(async { //~ spawn_without_cancel
        loop {
            send_heartbeat().await;
            sleep(Duration::from_secs(1)).await;
        }
    });
}

/// Bound to a name (even with a leading underscore) that is never used.
pub async fn start_gc() {
    let _gc = go(async move { //~ spawn_without_cancel
        while true {
            collect_garbage().await;
        }
    });
    tracing::info!("gc started");
}

/// A loop that leaves only through `process::exit` or a panic is endless.
pub fn start_watchdog() {
    tokio::spawn(async move { //~ spawn_without_cancel
        let started = Instant::now();
        loop {
            if !healthy().await {
                std::process::exit(1);
            }
            if started.elapsed() > Duration::from_secs(86_400) {
                panic!("watchdog ran for a day");
            }
            sleep(Duration::from_secs(5)).await;
        }
    });
}

/// The handle is only passed to `drop`.
pub fn start_dropped() {
    let handle = tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            collect_garbage().await;
        }
    });
    drop(handle);
}

/// A `select!` with no cancellation branch does not observe cancellation,
/// and an inner `for` loop's `break` does not leave the outer loop.
pub fn start_merger(mut a: tokio::sync::mpsc::Receiver<u8>) {
    tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tokio::select! {
                Some(x) = a.recv() => {
                    for i in 0..x {
                        if i == 3 {
                            break;
                        }
                    }
                }
                _ = sleep(Duration::from_secs(1)) => {}
            }
        }
    });
}

/// A `return` inside a closure does not leave the loop.
pub fn start_closure_return() {
    go(async move { //~ spawn_without_cancel
        loop {
            let pick = |n: u32| {
                if n > 3 {
                    return 3;
                }
                n
            };
            pick(4);
            collect_garbage().await;
        }
    });
}

/// The task body is a fn of this file.
async fn poll_forever(client: Client) {
    loop {
        client_poll(&client).await;
        sleep(Duration::from_secs(5)).await;
    }
}

pub fn start_poller(client: Client) {
    tokio::spawn(poll_forever(client)); //~ spawn_without_cancel
}

/// `.spawn(…)` on `Handle::current()`, directly and through a binding.
pub fn start_on_handle() {
    Handle::current().spawn(async { //~ spawn_without_cancel
        loop {
            collect_garbage().await;
        }
    });
    let handle = Handle::current();
    handle.spawn(async { //~ spawn_without_cancel
        loop {
            collect_garbage().await;
        }
    });
}

/// A runtime built here and only used as a receiver (not returned or
/// stored): it does not own the task for longer than the process.
pub fn start_on_runtime() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.spawn(async { //~ spawn_without_cancel
        loop {
            collect_garbage().await;
        }
    });
    rt.block_on(async { sleep(Duration::from_secs(5)).await });
}

/// A task body that is a method of this impl, via `self.run()` and `Self::run(self)`.
pub struct Worker;

impl Worker {
    async fn run(self) {
        loop {
            collect_garbage().await;
        }
    }

    pub fn start(self) {
        tokio::spawn(self.run()); //~ spawn_without_cancel
    }

    pub fn start_again(self) {
        tokio::spawn(Self::run(self)); //~ spawn_without_cancel
    }
}

/// Other runtimes' spawns.
pub fn start_elsewhere() {
    async_std::task::spawn(async { //~ spawn_without_cancel
        loop {
            collect_garbage().await;
        }
    });
    actix_rt::spawn(async { //~ spawn_without_cancel
        loop {
            collect_garbage().await;
        }
    });
    smol::spawn(async { //~ spawn_without_cancel
        loop {
            collect_garbage().await;
        }
    })
    .detach();
    tokio::task::spawn_local(async { //~ spawn_without_cancel
        loop {
            collect_garbage().await;
        }
    });
}

/// `spawn_blocking` with a discarded handle.
pub fn start_blocking_flusher() {
    tokio::task::spawn_blocking(move || loop { //~ spawn_without_cancel
        flush_to_disk();
        thread::sleep(Duration::from_secs(1));
    });
}

/// Threads: flagged even when the JoinHandle is kept or returned.
pub fn start_thread() -> thread::JoinHandle<()> {
    thread::spawn(move || loop { //~ spawn_without_cancel
        flush_to_disk();
        thread::sleep(Duration::from_secs(1));
    })
}

pub fn start_named_thread() {
    let joined = thread::Builder::new() //~ spawn_without_cancel
        .name("flusher".into())
        .spawn(move || loop {
            flush_to_disk();
        })
        .unwrap();
    joined.join().unwrap();
}
