// `timeout(d, handle)`: on the `Elapsed` path the handle is dropped, and a
// task that loops forever keeps running.
use std::time::Duration;

use tokio::time::timeout;

pub async fn start_poller(client: Client) -> Result<(), Error> {
    let poller = tokio::spawn(async move {
        loop {
            client.poll_once().await;
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });
    if timeout(Duration::from_secs(60), poller).await.is_err() { //~ join_handle_dropped_by_race
        tracing::warn!("poller did not finish in time");
    }
    Ok(())
}

pub async fn pump_for_a_while(mut socket: Socket) {
    let _ = tokio::time::timeout(
        Duration::from_secs(10),
        tokio::spawn(async move { //~ join_handle_dropped_by_race
            loop {
                let frame = socket.read_frame().await;
                socket.write_frame(frame).await;
            }
        }),
    )
    .await;
}
