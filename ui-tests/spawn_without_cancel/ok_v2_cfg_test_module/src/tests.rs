#[tokio::test]
async fn ticks() {
    start_ticker();
}

fn start_ticker() {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
    });
}
