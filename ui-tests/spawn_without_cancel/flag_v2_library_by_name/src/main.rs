async fn handle() {
    // The task runs `app::pump`, a loop in the library.
    tokio::spawn(app::pump()); //~ spawn_without_cancel
    app::on_connect();
}

#[tokio::main]
async fn main() {
    app::start();
    app::work::start_worker();
    loop {
        handle().await;
    }
}
