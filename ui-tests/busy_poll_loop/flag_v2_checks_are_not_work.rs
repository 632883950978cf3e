// A call that only decides a condition (a liveness check, a pop from a
// queue) is not work: a loop that does nothing else between two empty polls
// still spins.
use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Mutex;

pub struct Message(pub Vec<u8>);

pub enum Error {
    Disconnected,
}

pub struct Connection {
    pub receiver: tokio::sync::mpsc::Receiver<Message>,
    pub closed: bool,
}

impl Connection {
    fn is_alive(&self) -> bool {
        !self.closed
    }

    // Waits for the next message by spinning: `recv().await` is the fix.
    pub async fn listen(&mut self) -> Result<Message, Error> {
        loop {
            if !self.is_alive() {
                return Err(Error::Disconnected);
            }
            match self.receiver.try_recv() { //~ busy_poll_loop
                Ok(msg) => return Ok(msg),
                Err(tokio::sync::mpsc::error::TryRecvError::Disconnected) => {
                    return Err(Error::Disconnected)
                }
                Err(tokio::sync::mpsc::error::TryRecvError::Empty) => continue,
            }
        }
    }
}

pub struct Job;

fn run(_job: Job) {}

// A stop check, then a pop that finds an empty queue: spins while idle.
pub fn worker(stop: Receiver<()>, queue: &Mutex<VecDeque<Job>>) {
    loop {
        match stop.try_recv() { //~ busy_poll_loop
            Ok(()) | Err(TryRecvError::Disconnected) => break,
            Err(TryRecvError::Empty) => {}
        }
        if let Some(job) = queue.lock().unwrap().pop_front() {
            run(job);
        }
    }
}
