// The value the guard owns is the point of `guard`: not reported.
use scopeguard::{guard, guard_on_success, ScopeGuard};

pub fn owned_buffer(sink: &Sink) {
    let buf = vec![0u8; 1 << 20];
    let mut buf = guard(buf, |b| sink.release(b));
    buf[0] = 1;
}

pub fn borrowed_buffer(sink: &Sink) {
    let mut frame = [0u8; 65536];
    let _g = guard(&mut frame, |f| f.fill(0));
    sink.send_placeholder();
}

pub fn owned_and_mentioned(sink: &Sink) {
    let table = [0u64; 4096];
    let _g = guard_on_success(table, |t| sink.table(t[0] + table[1]));
}

pub fn with_strategy(sink: &Sink) {
    let pool = Vec::<u8>::with_capacity(1 << 16);
    let _g = ScopeGuard::<_, _, scopeguard::Always>::with_strategy(pool, |p| sink.recycle(p));
}
