// A `while` loop that drains a receiver until it says it is empty ends on
// the turn after the last item: not a spin. The same loop asking another
// value than the one it polls still is.
pub async fn coalesce(mut wake: tokio::sync::mpsc::Receiver<()>) {
    while wake.recv().await.is_some() {
        // Drop queued notifications so the next turn does not wake at once.
        while !wake.is_empty() {
            let _ = wake.try_recv();
        }
        refresh();
    }
}

pub fn drain_by_len(rx: &crossbeam_channel::Receiver<u64>) -> u64 {
    let mut sum = 0;
    while rx.len() > 0 {
        if let Ok(x) = rx.try_recv() {
            sum += x;
        }
    }
    sum
}

pub fn asks_another_queue(
    rx: &crossbeam_channel::Receiver<u64>,
    other: &crossbeam_channel::Receiver<u64>,
) -> u64 {
    let mut sum = 0;
    while !other.is_empty() {
        if let Ok(x) = rx.try_recv() { //~ busy_poll_loop
            sum += x;
        }
    }
    sum
}

fn refresh() {}

