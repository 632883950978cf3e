// v2: a fn that hands a closure to a thread spawn and drops the handle is a
// spawn wrapper: the closure written at its call is the thread's body.
// Near misses: a closure that ends, a fn that runs the closure in place,
// a wrapper that hands the handle back.
use std::thread;
use std::time::Duration;

fn run_detached<F: FnOnce() + Send + 'static>(name: &str, f: F) {
    thread::Builder::new()
        .name(name.to_string())
        .spawn(f)
        .expect("cannot start a thread");
}

fn run_joined<F: FnOnce() + Send + 'static>(f: F) -> thread::JoinHandle<()> {
    thread::spawn(f)
}

fn apply<F: FnOnce()>(f: F) {
    f()
}

pub fn start() -> thread::JoinHandle<()> {
    run_detached("log-shipper", move || loop { //~ spawn_without_cancel
        ship();
        thread::sleep(Duration::from_secs(1));
    });
    run_detached("once", ship);
    run_detached("flush", move || ship());
    apply(|| loop {
        ship();
    });
    run_joined(move || loop {
        ship();
    })
}

fn ship() {}
