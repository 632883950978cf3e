use flag_v2_task_of_other_file_started_per_request::{add_tenant, application::init_state};

#[tokio::main]
async fn main() {
    let _state = init_state(60).await;
    loop {
        add_tenant(60).await;
    }
}
