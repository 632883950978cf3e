// Closures that are not defer constructs, and look-alikes from elsewhere.
use std::thread;

macro_rules! defer {
    ($($body:tt)*) => {
        let _ = || { $($body)* };
    };
}

pub fn local_macro_named_defer(log: &Log) {
    let buf = [0u8; 1 << 16];
    defer! { log.bytes(buf.len()); }
}

pub fn ordinary_closures(log: &Log) {
    let buf = [0u8; 1 << 16];
    let total: usize = (0..4).map(|i| buf[i] as usize).sum();
    let handle = thread::spawn(move || buf.len());
    log.total(total, handle.join().unwrap());
}

pub fn other_guard_fn(lock: &Mutex<State>, log: &Log) {
    let buf = [0u8; 1 << 16];
    let state = lock.guard(|| buf.len());
    let _g = parking::guard(state, |s| s.touch(buf[0]));
    log.state(state);
}

pub fn outside_the_closure(log: &Log) {
    let buf = [0u8; 1 << 16];
    let len = buf.len();
    let _g = scopeguard::guard(len, |n| log.bytes(n));
    log.first(buf[0]);
}

pub fn defer_without_capture(log: &Log) {
    let buf = [0u8; 1 << 16];
    scopeguard::defer! { log.done(); }
    log.bytes(buf.len());
}

pub fn guard_fn_is_not_a_method(log: &Log, pool: &Pool) {
    let buf = [0u8; 1 << 16];
    let _g = pool.on_drop(|| log.bytes(buf.len()));
}

fn guard<T, F: FnOnce(T)>(value: T, f: F) -> T {
    value
}

pub fn local_guard_fn(log: &Log) {
    let buf = [0u8; 1 << 16];
    let _g = guard((), |_| log.bytes(buf.len()));
}
