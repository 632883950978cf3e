// crossbeam's select! with a `default` branch is a poll: with nothing ready
// it runs `default` at once and the loop goes round.
use crossbeam_channel::{select, Receiver, Sender};

pub fn pump(jobs: Receiver<u32>, control: Receiver<()>, out: Sender<u32>) {
    loop {
        select! { //~ busy_poll_loop
            recv(jobs) -> job => { let _ = out.send(job.unwrap_or(0)); }
            recv(control) -> _ => println!("control"),
            default => {}
        }
    }
}

// Near miss: `default(timeout)` waits up to the timeout before it runs.
pub fn pump_timed(jobs: Receiver<u32>) {
    loop {
        select! {
            recv(jobs) -> job => println!("{job:?}"),
            default(std::time::Duration::from_millis(50)) => println!("idle"),
        }
    }
}

// Near miss: without `default` the select! blocks until an operation is ready.
pub fn pump_blocking(jobs: Receiver<u32>, out: Sender<u32>) {
    loop {
        select! {
            recv(jobs) -> job => { let _ = out.send(job.unwrap_or(0)); }
            send(out, 0) -> _ => {}
        }
    }
}

// Near miss: the empty path sleeps.
pub fn pump_sleeps(jobs: Receiver<u32>) {
    loop {
        select! {
            recv(jobs) -> job => println!("{job:?}"),
            default => std::thread::sleep(std::time::Duration::from_millis(10)),
        }
    }
}
