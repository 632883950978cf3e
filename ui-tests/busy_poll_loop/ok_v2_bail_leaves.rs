// `bail!` (anyhow, eyre) returns from the fn: a drain whose only spinning
// path bails out is not a spin. The outer loop waits in `poll`.
use anyhow::bail;
use std::time::Duration;
use tokio::sync::mpsc::{self, error::TryRecvError};

pub enum Command {
    Register(u16),
    Dispose(u16),
}

fn register(_port: u16) {}
fn dispose(_port: u16) {}

pub fn event_loop(mut poll: mio::Poll, mut cmd_rx: mpsc::Receiver<Command>) -> anyhow::Result<()> {
    let mut events = mio::Events::with_capacity(64);
    loop {
        poll.poll(&mut events, Some(Duration::from_secs(1)))?;
        loop {
            match cmd_rx.try_recv() {
                Err(TryRecvError::Empty) => break,
                Ok(Command::Register(port)) => register(port),
                Ok(Command::Dispose(port)) => dispose(port),
                Err(TryRecvError::Disconnected) => {
                    bail!("command channel disconnected")
                }
            }
        }
    }
}

pub fn drain_or_bail(cmd_rx: &mut mpsc::Receiver<Command>) -> eyre::Result<()> {
    loop {
        match cmd_rx.try_recv() {
            Ok(Command::Register(port)) => register(port),
            Ok(Command::Dispose(port)) => dispose(port),
            Err(TryRecvError::Empty) => eyre::bail!("nothing queued"),
            Err(TryRecvError::Disconnected) => return Ok(()),
        }
    }
}
