use app::jitter;

async fn reconnect() {
    let mut attempt = 0;
    loop {
        // A helper of the library, called by the library's name: flagged,
        // with a note where it blocks.
        app::backoff(attempt); //~ blocking_call_in_async
        // Near misses: a helper that does not block, and another crate's
        // fn of the same name.
        let _ = jitter(attempt);
        retry_policy::backoff(attempt);
        attempt += 1;
        tokio::task::yield_now().await;
    }
}

#[tokio::main]
async fn main() {
    app::setup().await;
    tokio::spawn(app::serve());
    tokio::spawn(reconnect());
}
