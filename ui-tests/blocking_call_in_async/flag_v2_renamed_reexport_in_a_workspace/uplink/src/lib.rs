// A sync helper that sleeps, re-exported under another name and called by
// it from async code. Another package of the workspace has a
// `util::pause` too: the re-export names this package's own.
mod util;

pub use util::pause as settle;

pub async fn dial() {
    crate::settle(std::time::Duration::from_millis(750)); //~ blocking_call_in_async
}
