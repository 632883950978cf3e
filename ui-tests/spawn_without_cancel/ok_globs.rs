// Two glob imports could each provide `spawn`: ambiguous, so silent.
use async_std::task::*;
use tokio::task::*;

pub fn ambiguous() {
    spawn(async {
        loop {
            tick().await;
        }
    });
}
