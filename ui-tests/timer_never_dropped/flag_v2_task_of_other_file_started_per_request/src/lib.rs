// The same worker, but `init_state` also runs for every tenant a request
// adds: one more endless task, and interval, each time.
pub mod application;
pub mod notify;

pub async fn add_tenant(interval_secs: u64) {
    application::init_state(interval_secs).await;
}
