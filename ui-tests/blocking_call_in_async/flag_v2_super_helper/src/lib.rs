// `super::backoff()` in net.rs is the crate root's `backoff` (lib.rs
// declares `mod net;`), though quiet.rs has a `backoff` of its own.
mod net;
mod quiet;

pub fn backoff() {
    std::thread::sleep(std::time::Duration::from_millis(10));
}
