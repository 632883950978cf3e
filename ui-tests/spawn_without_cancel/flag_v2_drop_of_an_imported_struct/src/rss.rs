use tokio::task::JoinHandle;

pub struct Poller {
    pub(crate) task: Option<JoinHandle<()>>,
}

impl Poller {
    pub fn start(url: String) -> Poller {
        let task = tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(300));
            loop {
                every.tick().await;
                tracing::debug!(%url, "fetch rss");
            }
        });
        Poller { task: Some(task) }
    }
}
