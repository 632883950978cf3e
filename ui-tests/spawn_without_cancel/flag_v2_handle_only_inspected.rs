// A JoinHandle that is only looked at (`id()` in a log line,
// `is_finished()`) is dropped all the same: the task is detached.
pub fn start_tailer(path: String) {
    let h = tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tail(&path).await;
        }
    });
    tracing::debug!(task_id = %h.id(), "tailer started");
}

pub fn start_checked(path: String) -> bool {
    let h = tokio::spawn(async move { //~ spawn_without_cancel
        loop {
            tail(&path).await;
        }
    });
    !h.is_finished()
}

// Near miss: logged, then kept to be aborted.
pub struct Tailer {
    task: tokio::task::JoinHandle<()>,
}

impl Tailer {
    pub fn start(path: String) -> Tailer {
        let h = tokio::spawn(async move {
            loop {
                tail(&path).await;
            }
        });
        tracing::debug!(task_id = %h.id(), "tailer started");
        Tailer { task: h }
    }
}

impl Drop for Tailer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn tail(_p: &str) {}
