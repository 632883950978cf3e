// A helper of this file that sleeps is a wait on the empty path; one that
// does not wait, or an async fn called without `.await`, is not.
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

fn backoff() {
    std::thread::sleep(Duration::from_millis(5));
}

fn pause_longer(turns: u32) {
    if turns > 3 {
        backoff();
    }
}

fn note_idle(idle: &mut u64) {
    *idle += 1;
}

async fn breathe() {
    tokio::time::sleep(Duration::from_millis(5)).await;
}

// Near miss: the empty path calls a helper that sleeps.
pub fn worker(rx: Receiver<u32>) {
    loop {
        match rx.try_recv() {
            Ok(job) => println!("{job}"),
            Err(TryRecvError::Empty) => backoff(),
            Err(TryRecvError::Disconnected) => return,
        }
    }
}

// Near miss: two helpers deep.
pub fn worker_two_deep(rx: Receiver<u32>) {
    let mut turns = 0;
    loop {
        if let Ok(job) = rx.try_recv() {
            println!("{job}");
        } else {
            turns += 1;
            pause_longer(turns);
        }
    }
}

pub struct Poller {
    rx: Receiver<u32>,
}

impl Poller {
    fn rest(&self) {
        std::thread::sleep(Duration::from_millis(1));
    }

    // Near miss: a method of self that sleeps.
    pub fn run(&self) {
        loop {
            match self.rx.try_recv() {
                Ok(job) => println!("{job}"),
                Err(_) => self.rest(),
            }
        }
    }
}

pub fn counts_idle_turns(rx: Receiver<u32>) {
    let mut idle = 0;
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(job) => println!("{job}"),
            Err(_) => note_idle(&mut idle),
        }
    }
}

pub async fn forgets_the_await(rx: Receiver<u32>) {
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(job) => println!("{job}"),
            Err(_) => {
                let _ = breathe();
            }
        }
    }
}

mod elsewhere {
    pub fn settle() {}

    pub fn nap() {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

// Near miss: a helper of an inline module, called by its path.
pub fn module_helper(rx: Receiver<u32>) {
    loop {
        match rx.try_recv() {
            Ok(job) => println!("{job}"),
            Err(_) => elsewhere::nap(),
        }
    }
}

// Near miss: a method of this file that sleeps, on a parameter.
pub fn pacer_param(rx: Receiver<u32>, pacer: &Poller) {
    loop {
        match rx.try_recv() {
            Ok(job) => println!("{job}"),
            Err(_) => pacer.rest(),
        }
    }
}

// A helper of another module that does not wait.
pub fn other_backoff(rx: Receiver<u32>) {
    loop {
        match rx.try_recv() { //~ busy_poll_loop
            Ok(job) => println!("{job}"),
            Err(_) => elsewhere::settle(),
        }
    }
}
