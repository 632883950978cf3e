// A count of what a turn got, reset each turn and added to where a poll
// got something, says whether the turn made progress, as a flag does:
// `if got == 0 { pause().await }` waits on every empty turn.
use std::time::Duration;

use tokio::sync::mpsc::{self, error::TryRecvError};

async fn pace() {
    tokio::time::sleep(Duration::from_millis(2)).await;
}

// Near miss: waits whenever nothing came in.
pub async fn paced(mut rx: mpsc::Receiver<u32>) {
    loop {
        let mut got = 0;
        match rx.try_recv() {
            Ok(_) => got += 1,
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => break,
        }
        if got == 0 {
            pace().await;
        }
    }
}

// Near miss: several queues, the same test written the other way round.
pub async fn paced_round_robin(queues: &mut [mpsc::Receiver<u32>]) {
    loop {
        let mut got = 0;
        for q in queues.iter_mut() {
            match q.try_recv() {
                Ok(_) => got += 1,
                Err(_) => {}
            }
        }
        if 0 < got {
            continue;
        }
        pace().await;
    }
}

// A count added to on empty polls too says nothing of progress.
pub async fn counts_open(queues: &mut [mpsc::Receiver<u32>]) {
    loop {
        let mut open = 0;
        for q in queues.iter_mut() {
            match q.try_recv() { //~ busy_poll_loop
                Ok(_) => open += 1,
                Err(TryRecvError::Empty) => open += 1,
                Err(TryRecvError::Disconnected) => {}
            }
        }
        if open == 0 {
            break;
        }
    }
}

// A test other than of zero says nothing of an empty turn: it spins.
pub async fn waits_late(mut rx: mpsc::Receiver<u32>) {
    loop {
        let mut got = 0;
        match rx.try_recv() { //~ busy_poll_loop
            Ok(_) => got += 1,
            Err(_) => {}
        }
        if got > 1 {
            pace().await;
        }
    }
}
