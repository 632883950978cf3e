// Production code and its test module in one file: only the production
// code is linted (test code is skipped unless --include-tests).
use std::time::Duration;

use tokio::sync::mpsc;

pub struct Reporter {
    tx: mpsc::Sender<String>,
}

impl Reporter {
    // A detached endless task started by a constructor: reported.
    pub fn start(tx: mpsc::Sender<String>) -> Reporter {
        let tx2 = tx.clone();
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(Duration::from_secs(10)).await;
                let _ = tx2.send("tick".to_string()).await;
            }
        });
        Reporter { tx }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The same shape in a test: the test runtime ends with the test.
    #[tokio::test]
    async fn reports_ticks() {
        let (tx, mut rx) = mpsc::channel(8);
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_millis(1)).await;
                let _ = tx.send("tick".to_string()).await;
            }
        });
        assert_eq!(rx.recv().await.as_deref(), Some("tick"));
    }
}

#[cfg(all(test, feature = "slow-tests"))]
fn soak() {
    tokio::spawn(async { loop { tokio::task::yield_now().await; } });
}

// Built outside tests too: linted.
#[cfg(any(test, feature = "testing"))]
pub fn start_fake_server() {
    tokio::spawn(async { loop { tokio::task::yield_now().await; } }); //~ spawn_without_cancel
}
