// Work on a `select!`'s default path is not a wait: when no input is ready
// the loop redraws and polls again at once, a core at 100 %.
use futures::{select, FutureExt, StreamExt};

pub enum Input {
    Key(char),
}

pub struct Ui {
    frames: u64,
}

impl Ui {
    fn handle(&mut self, _input: Input) {}

    fn redraw(&mut self) {
        self.frames += 1;
    }

    async fn idle(&mut self) {
        tokio::time::sleep(std::time::Duration::from_millis(16)).await;
    }
}

pub async fn event_loop(mut inputs: futures::channel::mpsc::UnboundedReceiver<Input>, ui: &mut Ui) {
    loop {
        select! { //~ busy_poll_loop
            input = inputs.next().fuse() => match input {
                Some(i) => ui.handle(i),
                None => break,
            },
            default => ui.redraw(),
        }
    }
}

pub fn crossbeam_default(rx: crossbeam_channel::Receiver<Input>, ui: &mut Ui, stats: &mut Vec<u64>) {
    loop {
        crossbeam_channel::select! { //~ busy_poll_loop
            recv(rx) -> input => if let Ok(i) = input { ui.handle(i) },
            default => stats.push(ui.frames),
        }
    }
}

// Near miss: the default path waits for the next frame.
pub async fn paced(mut inputs: futures::channel::mpsc::UnboundedReceiver<Input>, ui: &mut Ui) {
    loop {
        select! {
            input = inputs.next().fuse() => match input {
                Some(i) => ui.handle(i),
                None => break,
            },
            default => ui.idle().await,
        }
    }
}

// Near miss: a stop check between jobs; the select's success leaves the
// loop, and the default path is the loop's work.
pub async fn worker(mut stop: futures::channel::oneshot::Receiver<()>, ui: &mut Ui) {
    loop {
        select! {
            _ = stop => break,
            default => ui.redraw(),
        }
    }
}
