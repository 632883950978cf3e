#[tokio::main]
async fn main() {
    ok_v2_timer_returned_to_task_started_from_main::start_gossip();
    ok_v2_timer_returned_to_task_started_from_main::start_heartbeat();
    std::future::pending::<()>().await;
}
