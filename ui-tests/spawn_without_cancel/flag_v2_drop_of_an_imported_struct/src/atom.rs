use tokio::task::JoinHandle;

pub struct Poller {
    task: Option<JoinHandle<()>>,
}

impl Poller {
    pub fn start(url: String) -> Poller {
        let task = tokio::spawn(async move { //~ spawn_without_cancel
            let mut every = tokio::time::interval(std::time::Duration::from_secs(300)); //~ timer_never_dropped
            loop {
                every.tick().await;
                tracing::debug!(%url, "fetch atom");
            }
        });
        Poller { task: Some(task) }
    }

    pub fn is_running(&self) -> bool {
        self.task.is_some()
    }
}
