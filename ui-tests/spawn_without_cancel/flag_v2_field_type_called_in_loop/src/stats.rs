#[derive(Default)]
pub struct Collector {}

impl Collector {
    pub async fn collect(&mut self) {
        tokio::spawn(async move { //~ spawn_without_cancel
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(15)).await;
                update_averages();
            }
        });
    }
}

fn update_averages() {}
