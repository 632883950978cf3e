// scopeguard's guard functions whose closure captures a large buffer that is
// not the guard's own value.
use scopeguard::{guard, guard_on_success, guard_on_unwind, Always, ScopeGuard};
use std::net::TcpStream;

pub fn handle(conn: TcpStream, metrics: &Metrics) {
    let payload = vec![0u8; 256 * 1024];
    let conn = guard(conn, |c| { //~ defer_captures_large_value
        metrics.closed(payload.len());
        let _ = c.shutdown(std::net::Shutdown::Both);
    });
    serve(&conn, &payload);
}

pub fn commit(tx: Transaction, metrics: &Metrics) {
    let mut batch = Vec::with_capacity(8192);
    let _g = guard_on_success(tx, move |tx| { //~ defer_captures_large_value
        metrics.committed(batch.len());
        tx.commit();
    });
    batch.push(1u8);
}

pub fn rollback_on_panic(tx: Transaction, metrics: &Metrics) {
    let journal: [u64; 1024] = [0; 1024];
    let _g = guard_on_unwind(tx, |tx| { //~ defer_captures_large_value
        metrics.rolled_back(journal[0]);
        tx.rollback();
    });
    apply(&journal);
}

pub fn strategy(state: State) {
    let buffer = Box::new([0u8; 1 << 16]);
    let _g = ScopeGuard::<_, _, Always>::with_strategy(state, |s| { //~ defer_captures_large_value
        s.release(buffer.len());
    });
}

pub fn two_buffers(conn: TcpStream) {
    let head = [0u8; 8192];
    let tail = [0u8; 16384];
    let _g = scopeguard::guard(conn, |c| { //~ defer_captures_large_value
        c.report(tail.len() + head.len());
    });
}

pub fn bound_with_underscore_name(conn: TcpStream, metrics: &Metrics) {
    // `_guard` (unlike `_`) is a binding: the guard lives to the end of the scope.
    let reply = [0u8; 4096];
    let _guard = guard(conn, |c| metrics.replied(c, reply.len())); //~ defer_captures_large_value
    send(&reply);
}
