mod foo;

/// Each tenant starts the library's reporter: not once for the process.
pub async fn add_tenant() {
    core2::start_reporter();
    core2::util::wait_backoff(1); //~ blocking_call_in_async
    // Near miss: this package's own `foo` module, not `app`'s name for
    // the library; its `wait_backoff` waits asynchronously.
    foo::util::wait_backoff(1).await;
}
