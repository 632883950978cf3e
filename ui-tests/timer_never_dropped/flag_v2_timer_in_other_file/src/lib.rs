// The detached task (here) runs `metrics::report_forever` (metrics.rs),
// whose interval lives as long as the task: forever.
mod metrics;

pub fn start_metrics(url: String) {
    tokio::spawn(async move { //~ spawn_without_cancel
        metrics::report_forever(url).await;
    });
}
