// `s`'s type comes from another crate: its `heartbeat` may be any struct's,
// but not `client::Client`'s, which this package cannot use.
pub fn stop() {
    let s = session::current();
    s.heartbeat.abort();
}
