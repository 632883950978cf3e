use tokio::time::Interval;

pub struct Syncer {
    remote: String,
    rounds: u64,
}

impl Syncer {
    pub fn new(remote: String) -> Self {
        Self { remote, rounds: 0 }
    }

    pub async fn drive(&mut self, tick: &mut Interval) {
        loop {
            tick.tick().await;
            self.rounds += self.remote.len() as u64;
        }
    }
}
