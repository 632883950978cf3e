// What leaklint cannot see stays silent.
use crate::workers;
use my_runtime::spawn;

pub fn body_in_another_file(rx: Receiver) {
    // `workers::run` is defined in another file: its loop is unknown.
    tokio::spawn(workers::run(rx));
    tokio::spawn(external::poll_forever());
}

pub fn not_tokio() {
    // `spawn` comes from an unknown crate.
    spawn(async {
        loop {
            tick().await;
        }
    });
}

mod local {
    fn spawn<F>(f: F) -> F {
        f
    }

    pub fn uses_local_spawn() {
        spawn(async {
            loop {
                tick().await;
            }
        });
    }
}

/// `pump()` here calls the closure parameter, not the crate's looping
/// `pump`: what it runs is not known.
pub async fn pump() {
    loop {
        tokio::task::yield_now().await;
    }
}

pub fn run_with<F, Fut>(pump: F)
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    tokio::spawn(pump());
}
