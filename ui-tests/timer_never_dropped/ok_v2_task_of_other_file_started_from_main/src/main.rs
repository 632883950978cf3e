use ok_v2_task_of_other_file_started_from_main::application::init_state;

#[tokio::main]
async fn main() {
    let _state = init_state(60).await;
    serve().await;
}

async fn serve() {}
