use std::time::Duration;

pub fn run() {
    start_watcher();
}

fn start_watcher() {
    std::thread::spawn(|| loop {
        poll();
    });
}

/// Nothing calls this: each call would start another watcher.
pub fn reload() {
    std::thread::spawn(|| loop { //~ spawn_without_cancel
        poll();
    });
}

fn poll() {
    std::thread::sleep(Duration::from_millis(100));
}
