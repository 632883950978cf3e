use crate::notify::EmailWorker;

pub struct AppState;

pub async fn init_state(interval_secs: u64) -> AppState {
    tokio::spawn(async move { //~ spawn_without_cancel
        let worker = EmailWorker::new(interval_secs);
        worker.start_task().await;
    });
    AppState
}
