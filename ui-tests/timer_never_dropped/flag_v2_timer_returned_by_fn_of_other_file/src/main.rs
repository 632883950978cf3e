use std::time::Duration;

use flag_v2_timer_returned_by_fn_of_other_file::ticker;

#[tokio::main]
async fn main() {
    // For the life of the process: not a leak.
    tokio::spawn(async {
        let mut tick = ticker::process_wide(Duration::from_secs(1));
        loop {
            tick.tick().await;
        }
    });
}
