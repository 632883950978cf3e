/// base's feeder: one round, then done.
pub struct Feeder;

impl Feeder {
    pub fn new() -> Self {
        Feeder
    }

    pub async fn run(&self) {
        tokio::task::yield_now().await;
    }
}
