// v2: a spawn wrapper given the future as a call (`spawn_named("hb",
// heartbeat(conn))`, or a closure that makes it) runs that fn as its task,
// which is followed as a direct spawn's would be. Near misses: a call whose
// fn ends, a wrapper that hands the handle back, a tuple struct built in
// the argument.
use std::future::Future;
use std::time::Duration;

fn spawn_named<F>(name: &str, fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    let _ = name;
    tokio::spawn(fut);
}

fn spawn_with<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(make());
}

fn spawn_kept<F>(fut: F) -> tokio::task::JoinHandle<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut)
}

pub struct Conn;
pub struct Job(u64);

pub fn start(conn: Conn) -> tokio::task::JoinHandle<()> {
    spawn_named("hb", heartbeat(conn)); //~ spawn_without_cancel
    spawn_with(move || heartbeat(Conn)); //~ spawn_without_cancel
    spawn_named("once", flush());
    spawn_named("job", Job(7));
    spawn_kept(heartbeat(Conn))
}

async fn heartbeat(conn: Conn) {
    let _ = conn;
    loop {
        tokio::time::sleep(Duration::from_secs(10)).await;
    }
}

async fn flush() {}

// A wrapper whose name does not say `spawn` is one all the same, given a
// call or a future written in place. Near miss: a fn that only hands its
// parameter back.
fn detach<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(fut);
}

fn hold<F: Future<Output = ()>>(fut: F) -> F {
    fut
}

pub fn start_detached() {
    detach(heartbeat(Conn)); //~ spawn_without_cancel
    detach(async { heartbeat(Conn).await }); //~ spawn_without_cancel
    let _kept = hold(heartbeat(Conn));
}
