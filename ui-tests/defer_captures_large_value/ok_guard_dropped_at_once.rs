// A guard that is not bound is dropped (and its closure run) at once: it keeps
// nothing alive until the end of the scope.
use scopeguard::guard;

pub fn dropped_by_wildcard(log: &Log) {
    let buf = [0u8; 1 << 16];
    let _ = guard((), |_| log.bytes(buf.len()));
    consume(&buf);
}

pub fn dropped_as_statement(log: &Log) {
    let buf = vec![0u8; 1 << 20];
    guard(log, |l| l.bytes(buf.len()));
    consume(buf);
}
