// Loops that wait on the path where the poll found nothing: silent.
use std::sync::mpsc::{self, TryRecvError};
use std::time::Duration;

fn handle(_m: u32) {}

pub fn drains(rx: mpsc::Receiver<u32>) {
    while let Ok(m) = rx.try_recv() {
        handle(m);
    }
}

pub fn breaks_on_empty(rx: mpsc::Receiver<u32>) {
    loop {
        match rx.try_recv() {
            Ok(m) => handle(m),
            Err(TryRecvError::Empty) => break,
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

pub async fn sleeps_every_path(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    loop {
        if let Ok(m) = rx.try_recv() {
            handle(m);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn sleeps_on_empty(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    loop {
        match rx.try_recv() {
            Ok(m) => handle(m),
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

pub fn thread_sleeps_on_empty(rx: mpsc::Receiver<u32>) {
    loop {
        match rx.try_recv() {
            Ok(m) => handle(m),
            Err(TryRecvError::Empty) => std::thread::sleep(Duration::from_millis(10)),
            Err(TryRecvError::Disconnected) => std::thread::sleep(Duration::from_secs(1)),
        }
    }
}

pub async fn yields(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    loop {
        while let Ok(m) = rx.try_recv() {
            handle(m);
        }
        tokio::task::yield_now().await;
    }
}

pub async fn awaits_other(mut rx: tokio::sync::mpsc::Receiver<u32>, notify: std::sync::Arc<tokio::sync::Notify>) {
    loop {
        if let Ok(m) = rx.try_recv() {
            handle(m);
        }
        notify.notified().await;
    }
}

pub fn blocking_recv_fallback(rx: mpsc::Receiver<u32>) {
    loop {
        let m = match rx.try_recv() {
            Ok(m) => m,
            Err(_) => rx.recv().unwrap(),
        };
        handle(m);
    }
}

pub fn parks(rx: mpsc::Receiver<u32>) {
    loop {
        if let Ok(m) = rx.try_recv() {
            handle(m);
            continue;
        }
        std::thread::park();
    }
}

pub async fn select_no_default(mut rx: tokio::sync::mpsc::Receiver<u32>) {
    loop {
        tokio::select! {
            Some(m) = rx.recv() => handle(m),
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
    }
}

pub fn condvar(pair: std::sync::Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>, rx: mpsc::Receiver<u32>) {
    let (lock, cvar) = &*pair;
    loop {
        if let Ok(m) = rx.try_recv() {
            handle(m);
        }
        let g = lock.lock().unwrap();
        let _g = cvar.wait(g).unwrap();
    }
}

pub async fn select_default_sleeps(mut rx: futures::channel::mpsc::Receiver<u32>) {
    use futures::StreamExt;
    loop {
        futures::select! {
            m = rx.next() => handle(m.unwrap()),
            default => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

// A permit taken and dropped at once restarts the loop without waiting, but
// every path on which try_acquire found nothing yields: a success path is
// taken to be doing work (see Known problems).
pub async fn spin_on_permit(sem: std::sync::Arc<tokio::sync::Semaphore>) {
    'outer: loop {
        for _ in 0..4 {
            match sem.try_acquire() {
                Ok(_permit) => continue 'outer,
                Err(_) => {}
            }
        }
        tokio::task::yield_now().await;
    }
}
