pub struct Watcher;

impl Watcher {
    // Spawned by `RootCmd::process`: the cycle with `step` runs on a
    // runtime worker.
    pub async fn run(self, turns: u32) {
        if turns > 0 {
            Box::pin(self.step(turns)).await;
        }
    }

    async fn step(self, turns: u32) {
        std::thread::sleep(std::time::Duration::from_secs(1)); //~ blocking_call_in_async
        // The `process` of these types only, not every `process`.
        Tick {}.process().await;
        Beat.process().await;
        Box::pin(self.run(turns - 1)).await;
    }
}

pub struct Tick {}

impl Tick {
    pub async fn process(self) {}
}

pub struct Beat;

impl Beat {
    pub async fn process(self) {}
}

pub struct Orphan;

impl Orphan {
    // Nothing outside the cycle calls `ping` or `pong`.
    pub async fn ping(self) {
        std::thread::sleep(std::time::Duration::from_secs(1)); //~ blocking_call_in_async
        Box::pin(self.pong()).await;
    }

    async fn pong(self) {
        Box::pin(self.ping()).await;
    }
}
