// The task's endless loop lives in `pump`, a fn the task body calls: the
// crate model follows the call, so the handle given to `timeout` is reported
// (it used to be left alone, as `ok_timeout_loop_in_called_fn_until_crate_model`).
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
    let _ = timeout(Duration::from_secs(10), task).await; //~ join_handle_dropped_by_race
}
