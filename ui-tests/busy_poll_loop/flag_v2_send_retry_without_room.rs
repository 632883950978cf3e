// A send that finds the channel full and only comes back to try again
// spins until a consumer makes room: taking an item off only after a
// successful send makes no room for the retry.
use async_channel::{Receiver, Sender, TrySendError};

pub fn send_or_spin(tx: &Sender<u64>, acks: &Receiver<u64>, mut hint: u64) {
    loop {
        match tx.try_send(hint) { //~ busy_poll_loop
            Ok(_) => {
                let _ = acks.try_recv();
                break;
            }
            Err(TrySendError::Full(back)) => hint = back,
            Err(TrySendError::Closed(_)) => return,
        }
    }
}
