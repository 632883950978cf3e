// A `spawn_blocking` handle stored in a field that nothing reads: the help
// says to give the loop a stop flag, since aborting cannot stop a running
// blocking closure.
use tokio::task::JoinHandle;

pub struct Tailer {
    task: Option<JoinHandle<()>>,
}

impl Tailer {
    pub fn start(&mut self, path: std::path::PathBuf) {
        self.task = Some(tokio::task::spawn_blocking(move || loop { //~ spawn_without_cancel
            tail(&path);
        }));
    }
}

fn tail(_p: &std::path::Path) {}
