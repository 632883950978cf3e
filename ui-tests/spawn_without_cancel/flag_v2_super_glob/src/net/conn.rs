use super::*;

// `super` is `net`: its `heartbeat` observes the token.
pub fn open(token: tokio_util::sync::CancellationToken) {
    tokio::spawn(heartbeat(token));
}

// And its `drain` loops for ever.
pub fn close() {
    tokio::spawn(drain()); //~ spawn_without_cancel
}

pub mod inner {
    use super::*;

    // `super` here is this file's own module (`conn`): `heartbeat` comes
    // from `net` through a second glob, not from the crate root's.
    pub fn reopen(token: tokio_util::sync::CancellationToken) {
        tokio::spawn(heartbeat(token));
    }
}
