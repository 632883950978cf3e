// NOT REPORTED YET: the task's endless loop lives in `pump`, a fn the task
// body calls. Following calls from a task body needs the crate model (a
// later issue); until then the task looks short and `timeout` is left alone.
// When the crate model lands, this case should be flagged and renamed.
use std::time::Duration;

use tokio::time::timeout;

async fn pump(mut socket: Socket) {
    loop {
        let frame = socket.read_frame().await;
        socket.write_frame(frame).await;
    }
}

pub async fn pump_for_a_while(socket: Socket) {
    let task = tokio::spawn(async move { pump(socket).await });
    let _ = timeout(Duration::from_secs(10), task).await;
}
