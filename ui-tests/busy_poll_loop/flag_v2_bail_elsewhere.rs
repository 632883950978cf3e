// `bail!` leaves the loop only on its own path: an `Empty` arm that comes
// back round still spins.
use anyhow::bail;
use tokio::sync::mpsc::{self, error::TryRecvError};

fn handle(_v: u32) {}

pub fn spin_until_closed(rx: &mut mpsc::Receiver<u32>) -> anyhow::Result<()> {
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(v) => handle(v),
            Err(TryRecvError::Empty) => continue,
            Err(TryRecvError::Disconnected) => bail!("channel closed"),
        }
    }
}
