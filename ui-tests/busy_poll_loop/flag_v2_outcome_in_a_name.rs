// Whether the poll found something, carried in a name before the wait:
// a `did_work` flag reset each turn, a bool from `.is_ok()`, an `Option`
// made by a `match` on the poll. Silent where every empty turn waits;
// reported where the wait is on the wrong side.
use crossbeam_channel::Receiver;
use std::sync::Mutex;
use std::collections::VecDeque;
use std::time::Duration;

fn handle(_m: u32) {}

pub fn two_queues(hi: Receiver<u32>, lo: Receiver<u32>) {
    loop {
        let mut did_work = false;
        while let Ok(m) = hi.try_recv() {
            handle(m);
            did_work = true;
        }
        if let Ok(m) = lo.try_recv() {
            handle(m);
            did_work = true;
        }
        if !did_work {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

pub fn idle_flag(rx: Receiver<u32>) {
    loop {
        let mut idle = true;
        if let Ok(m) = rx.try_recv() {
            handle(m);
            idle = false;
        }
        if idle {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

pub fn bool_from_poll(rx: Receiver<u32>) {
    loop {
        let got = rx.try_recv().is_ok();
        if !got {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

pub async fn option_from_lock(queue: &Mutex<VecDeque<u32>>, notify: &tokio::sync::Notify) {
    loop {
        let next = match queue.try_lock() {
            Ok(mut q) => q.pop_front(),
            Err(_) => None,
        };
        match next {
            Some(m) => handle(m),
            None => notify.notified().await,
        }
    }
}

// Near-misses, reported: the sleep runs only after work was done, and a
// flag set once before the loop and never reset.
pub fn sleeps_after_work(rx: Receiver<u32>) {
    loop {
        let mut did_work = false;
        if let Ok(m) = rx.try_recv() { //~ busy_poll_loop
            handle(m);
            did_work = true;
        }
        if did_work {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

pub fn flag_never_reset(rx: Receiver<u32>) {
    let mut seen = false;
    loop {
        if let Ok(m) = rx.try_recv() { //~ busy_poll_loop
            handle(m);
            seen = true;
        }
        if !seen {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

pub fn option_with_wait_on_success(rx: Receiver<u32>) {
    loop {
        let next = match rx.try_recv() { //~ busy_poll_loop
            Ok(m) => Some(m),
            Err(_) => None,
        };
        if let Some(m) = next {
            handle(m);
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}
